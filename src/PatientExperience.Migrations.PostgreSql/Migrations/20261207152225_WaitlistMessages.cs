using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class WaitlistMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "TextHelpSentAtUtc",
                table: "Patients",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WaitlistMessages",
                table: "Patients",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Waitlist offers came the way visit messages did (no choice of their own until now): keep exactly that
            // (VisitMessages: 0 email, 1 text, 2 both).
            migrationBuilder.Sql("UPDATE \"Patients\" SET \"WaitlistMessages\" = CASE WHEN \"ContactBySms\" THEN CASE WHEN \"TextInsteadOfEmail\" THEN 1 ELSE 2 END ELSE 0 END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TextHelpSentAtUtc",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "WaitlistMessages",
                table: "Patients");
        }
    }
}
