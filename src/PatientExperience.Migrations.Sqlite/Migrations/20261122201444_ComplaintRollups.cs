using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.Sqlite.Migrations
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
                    Grain = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClinicianId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    Acknowledged = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgedOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Answered = table.Column<int>(type: "INTEGER", nullable: false),
                    AnsweredOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<int>(type: "INTEGER", nullable: false),
                    Statuses = table.Column<byte[]>(type: "BLOB", nullable: false),
                    DaysToResolve = table.Column<byte[]>(type: "BLOB", nullable: false)
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
