using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintPostalAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PostalAddress",
                table: "Complaints",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PostalAddress",
                table: "Complaints");
        }
    }
}
