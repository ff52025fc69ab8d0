using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintRollupSeverities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Severities",
                table: "ComplaintRollups",
                type: "varbinary(max)",
                nullable: false,
                defaultValue: new byte[0]);

            // Complaint rollups now carry received-by-severity histograms: empty them, and the start-up back-fill
            // (DatabaseInitializer) rebuilds them from the complaints.
            migrationBuilder.Sql("DELETE FROM ComplaintRollups;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Severities",
                table: "ComplaintRollups");
        }
    }
}
