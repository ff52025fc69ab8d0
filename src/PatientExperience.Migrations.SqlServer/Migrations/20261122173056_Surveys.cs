using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Surveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LexiconEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Theme = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: true),
                    Term = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LexiconEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Questionnaires",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DepartmentId = table.Column<int>(type: "int", nullable: true),
                    ServiceId = table.Column<int>(type: "int", nullable: true),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    DraftJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    HasUnpublishedChanges = table.Column<bool>(type: "bit", nullable: false),
                    LatestVersion = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ModifiedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ModifiedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questionnaires", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Questionnaires_ClinicServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "ClinicServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Questionnaires_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuestionnaireVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    QuestionnaireId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    QuestionsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionnaireVersions_Questionnaires_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "Questionnaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PatientId = table.Column<int>(type: "int", nullable: false),
                    AppointmentId = table.Column<int>(type: "int", nullable: false),
                    QuestionnaireVersionId = table.Column<int>(type: "int", nullable: false),
                    DepartmentId = table.Column<int>(type: "int", nullable: false),
                    ClinicianId = table.Column<int>(type: "int", nullable: false),
                    ServiceId = table.Column<int>(type: "int", nullable: false),
                    VisitStartUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SendAfterUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    TokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ReminderTokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Emailed = table.Column<bool>(type: "bit", nullable: false),
                    ReminderSentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_ClinicServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "ClinicServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_QuestionnaireVersions_QuestionnaireVersionId",
                        column: x => x.QuestionnaireVersionId,
                        principalTable: "QuestionnaireVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_StaffMembers_ClinicianId",
                        column: x => x.ClinicianId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    InvitationId = table.Column<int>(type: "int", nullable: false),
                    PatientId = table.Column<int>(type: "int", nullable: false),
                    AppointmentId = table.Column<int>(type: "int", nullable: false),
                    QuestionnaireId = table.Column<int>(type: "int", nullable: false),
                    QuestionnaireVersionId = table.Column<int>(type: "int", nullable: false),
                    VersionNumber = table.Column<int>(type: "int", nullable: false),
                    DepartmentId = table.Column<int>(type: "int", nullable: false),
                    ClinicianId = table.Column<int>(type: "int", nullable: false),
                    ServiceId = table.Column<int>(type: "int", nullable: false),
                    VisitStartUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RespondedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CommentSentiment = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    CommentThemes = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    MayContact = table.Column<bool>(type: "bit", nullable: false),
                    Recommend = table.Column<int>(type: "int", nullable: true),
                    Triggers = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FollowUpOpened = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_ClinicServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "ClinicServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_QuestionnaireVersions_QuestionnaireVersionId",
                        column: x => x.QuestionnaireVersionId,
                        principalTable: "QuestionnaireVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Questionnaires_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "Questionnaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_StaffMembers_ClinicianId",
                        column: x => x.ClinicianId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_SurveyInvitations_InvitationId",
                        column: x => x.InvitationId,
                        principalTable: "SurveyInvitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ResponseId = table.Column<int>(type: "int", nullable: false),
                    QuestionKey = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Dimension = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Value = table.Column<int>(type: "int", nullable: true),
                    IsValid = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LexiconEntries_Kind_Term",
                table: "LexiconEntries",
                columns: new[] { "Kind", "Term" });

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_DepartmentId",
                table: "Questionnaires",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_ServiceId",
                table: "Questionnaires",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireVersions_QuestionnaireId_Number",
                table: "QuestionnaireVersions",
                columns: new[] { "QuestionnaireId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_QuestionKey_IsValid",
                table: "SurveyAnswers",
                columns: new[] { "QuestionKey", "IsValid" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_ResponseId_QuestionKey",
                table: "SurveyAnswers",
                columns: new[] { "ResponseId", "QuestionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_AppointmentId",
                table: "SurveyInvitations",
                column: "AppointmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_ClinicianId",
                table: "SurveyInvitations",
                column: "ClinicianId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_DepartmentId",
                table: "SurveyInvitations",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_PatientId_CompletedAtUtc",
                table: "SurveyInvitations",
                columns: new[] { "PatientId", "CompletedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_QuestionnaireVersionId",
                table: "SurveyInvitations",
                column: "QuestionnaireVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_ReminderTokenHash",
                table: "SurveyInvitations",
                column: "ReminderTokenHash",
                unique: true,
                filter: "[ReminderTokenHash] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_ServiceId",
                table: "SurveyInvitations",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_Status_SendAfterUtc",
                table: "SurveyInvitations",
                columns: new[] { "Status", "SendAfterUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_TokenHash",
                table: "SurveyInvitations",
                column: "TokenHash",
                unique: true,
                filter: "[TokenHash] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_ClinicianId_VisitStartUtc",
                table: "SurveyResponses",
                columns: new[] { "ClinicianId", "VisitStartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_DepartmentId_VisitStartUtc",
                table: "SurveyResponses",
                columns: new[] { "DepartmentId", "VisitStartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_InvitationId",
                table: "SurveyResponses",
                column: "InvitationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_PatientId",
                table: "SurveyResponses",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_QuestionnaireId",
                table: "SurveyResponses",
                column: "QuestionnaireId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_QuestionnaireVersionId",
                table: "SurveyResponses",
                column: "QuestionnaireVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_RespondedAtUtc",
                table: "SurveyResponses",
                column: "RespondedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_ServiceId_VisitStartUtc",
                table: "SurveyResponses",
                columns: new[] { "ServiceId", "VisitStartUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LexiconEntries");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "SurveyResponses");

            migrationBuilder.DropTable(
                name: "SurveyInvitations");

            migrationBuilder.DropTable(
                name: "QuestionnaireVersions");

            migrationBuilder.DropTable(
                name: "Questionnaires");
        }
    }
}
