using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SurveyRollups",
                columns: table => new
                {
                    Grain = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClinicianId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Histogram = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyRollups", x => new { x.Grain, x.ServiceId, x.Start, x.ClinicianId, x.DepartmentId, x.QuestionKey });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Dashboard",
                table: "Complaints",
                columns: new[] { "ReceivedAtUtc", "Kind", "CategoryId", "Severity", "DepartmentId", "Status", "ConcernedStaffMemberId", "AcknowledgedAtUtc", "AcknowledgeDueAtUtc", "ResponseSentAtUtc", "ResolvedAtUtc", "ResponseDueAtUtc", "AppointmentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveyRollups");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Dashboard",
                table: "Complaints");
        }
    }
}
