using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ComplaintRollups",
                columns: table => new
                {
                    Grain = table.Column<int>(type: "int", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    ServiceId = table.Column<int>(type: "int", nullable: false),
                    DepartmentId = table.Column<int>(type: "int", nullable: false),
                    ClinicianId = table.Column<int>(type: "int", nullable: false),
                    CategoryId = table.Column<int>(type: "int", nullable: false),
                    Severity = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Received = table.Column<int>(type: "int", nullable: false),
                    Acknowledged = table.Column<int>(type: "int", nullable: false),
                    AcknowledgedOnTime = table.Column<int>(type: "int", nullable: false),
                    Answered = table.Column<int>(type: "int", nullable: false),
                    AnsweredOnTime = table.Column<int>(type: "int", nullable: false),
                    Resolved = table.Column<int>(type: "int", nullable: false),
                    Statuses = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    DaysToResolve = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintRollups", x => new { x.Grain, x.ServiceId, x.Start, x.DepartmentId, x.ClinicianId, x.CategoryId, x.Severity, x.Kind });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Unresolved",
                table: "Complaints",
                columns: new[] { "ReceivedAtUtc", "Kind", "CategoryId", "Severity", "DepartmentId", "Status", "ConcernedStaffMemberId", "AcknowledgedAtUtc", "AcknowledgeDueAtUtc", "ResponseSentAtUtc", "ResponseDueAtUtc", "NextDueAtUtc", "DueSoonAtUtc", "AppointmentId" },
                filter: "\"ResolvedAtUtc\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplaintRollups");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Unresolved",
                table: "Complaints");
        }
    }
}
