using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Praise : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Praise",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    OfferedToStaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    Excerpt = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByStaffId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Praise", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Praise_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Praise_SurveyResponses_SurveyResponseId",
                        column: x => x.SurveyResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Praise_DepartmentId_ReceivedAtUtc",
                table: "Praise",
                columns: new[] { "DepartmentId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Praise_StaffMemberId_Status_ReceivedAtUtc",
                table: "Praise",
                columns: new[] { "StaffMemberId", "Status", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Praise_Status_OfferedToStaffId",
                table: "Praise",
                columns: new[] { "Status", "OfferedToStaffId" });

            migrationBuilder.CreateIndex(
                name: "IX_Praise_SurveyResponseId_StaffMemberId",
                table: "Praise",
                columns: new[] { "SurveyResponseId", "StaffMemberId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Praise");
        }
    }
}
