using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardRollupsPerService : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_Dashboard",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Unresolved",
                table: "Complaints");

            migrationBuilder.AddColumn<int>(
                name: "Open",
                table: "ComplaintRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_AcknowledgementPending",
                table: "Complaints",
                columns: new[] { "AcknowledgeDueAtUtc", "ReceivedAtUtc", "Kind", "CategoryId", "Severity", "DepartmentId", "ConcernedStaffMemberId", "AppointmentId" },
                filter: "\"AcknowledgedAtUtc\" IS NULL AND \"ResolvedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_DueSoon",
                table: "Complaints",
                columns: new[] { "DueSoonAtUtc", "NextDueAtUtc", "Status", "DepartmentId", "ConcernedStaffMemberId", "AppointmentId" },
                filter: "\"ResolvedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Overdue",
                table: "Complaints",
                columns: new[] { "NextDueAtUtc", "Status", "DepartmentId", "ConcernedStaffMemberId", "AppointmentId" },
                filter: "\"ResolvedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ResponsePending",
                table: "Complaints",
                columns: new[] { "ResponseDueAtUtc", "ReceivedAtUtc", "Kind", "CategoryId", "Severity", "DepartmentId", "ConcernedStaffMemberId", "AppointmentId" },
                filter: "\"ResponseSentAtUtc\" IS NULL AND \"ResolvedAtUtc\" IS NULL");

            // The rollups now have week and month rows per service, and complaint rollups an open count: empty them, and
            // the start-up back-fill (DatabaseInitializer) rebuilds all three from the source rows.
            migrationBuilder.Sql("DELETE FROM AppointmentRollups;");
            migrationBuilder.Sql("DELETE FROM SurveyRollups;");
            migrationBuilder.Sql("DELETE FROM ComplaintRollups;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_AcknowledgementPending",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_DueSoon",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Overdue",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_ResponsePending",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Open",
                table: "ComplaintRollups");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Dashboard",
                table: "Complaints",
                columns: new[] { "ReceivedAtUtc", "Kind", "CategoryId", "Severity", "DepartmentId", "Status", "ConcernedStaffMemberId", "AcknowledgedAtUtc", "AcknowledgeDueAtUtc", "ResponseSentAtUtc", "ResolvedAtUtc", "ResponseDueAtUtc", "AppointmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Unresolved",
                table: "Complaints",
                columns: new[] { "ReceivedAtUtc", "Kind", "CategoryId", "Severity", "DepartmentId", "Status", "ConcernedStaffMemberId", "AcknowledgedAtUtc", "AcknowledgeDueAtUtc", "ResponseSentAtUtc", "ResponseDueAtUtc", "NextDueAtUtc", "DueSoonAtUtc", "AppointmentId" },
                filter: "\"ResolvedAtUtc\" IS NULL");
        }
    }
}
