using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.SqlServer.Migrations
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
                    Grain = table.Column<int>(type: "int", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    ClinicianId = table.Column<int>(type: "int", nullable: false),
                    ServiceId = table.Column<int>(type: "int", nullable: false),
                    DepartmentId = table.Column<int>(type: "int", nullable: false),
                    QuestionKey = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    Histogram = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
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
