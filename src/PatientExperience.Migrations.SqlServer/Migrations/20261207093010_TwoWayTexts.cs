using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TwoWayTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReminderMessages",
                table: "Patients",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Reminders came the way visit messages did (one choice for all until now): keep exactly that
            // (VisitMessages: 0 email, 1 text, 2 both).
            migrationBuilder.Sql("UPDATE [Patients] SET [ReminderMessages] = CASE WHEN [ContactBySms] = 1 THEN CASE WHEN [TextInsteadOfEmail] = 1 THEN 1 ELSE 2 END ELSE 0 END;");

            migrationBuilder.AddColumn<DateTime>(
                name: "TextsStoppedAtUtc",
                table: "Patients",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeliveredAtUtc",
                table: "OutboxMessages",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeliveryFailedAtUtc",
                table: "OutboxMessages",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PatientId",
                table: "OutboxMessages",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmedByTextAtUtc",
                table: "Appointments",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TextHelpSentAtUtc",
                table: "Appointments",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CallBackRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PatientId = table.Column<int>(type: "int", nullable: false),
                    AppointmentId = table.Column<int>(type: "int", nullable: true),
                    RequestedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DoneAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DoneByStaffMemberId = table.Column<int>(type: "int", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ModifiedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ModifiedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallBackRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallBackRequests_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallBackRequests_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CallBackRequests_AppointmentId",
                table: "CallBackRequests",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CallBackRequests_DoneAtUtc_RequestedAtUtc",
                table: "CallBackRequests",
                columns: new[] { "DoneAtUtc", "RequestedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CallBackRequests_PatientId",
                table: "CallBackRequests",
                column: "PatientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallBackRequests");

            migrationBuilder.DropColumn(
                name: "ReminderMessages",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "TextsStoppedAtUtc",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "DeliveredAtUtc",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "DeliveryFailedAtUtc",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "PatientId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ConfirmedByTextAtUtc",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "TextHelpSentAtUtc",
                table: "Appointments");
        }
    }
}
