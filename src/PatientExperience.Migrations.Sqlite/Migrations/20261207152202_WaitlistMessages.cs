using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WaitlistMessages",
                table: "Patients",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Waitlist offers came the way visit messages did (no choice of their own until now): keep exactly that
            // (VisitMessages: 0 email, 1 text, 2 both).
            migrationBuilder.Sql("UPDATE \"Patients\" SET \"WaitlistMessages\" = CASE WHEN \"ContactBySms\" = 1 THEN CASE WHEN \"TextInsteadOfEmail\" = 1 THEN 1 ELSE 2 END ELSE 0 END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Plain DROP COLUMN (SQLite 3.35+), not EF's table rebuild: the rebuild would use the previous migration's model,
            // which was made on a branch without the MessageChannels columns, and would lose them.
            migrationBuilder.Sql("ALTER TABLE \"Patients\" DROP COLUMN \"TextHelpSentAtUtc\";");
            migrationBuilder.Sql("ALTER TABLE \"Patients\" DROP COLUMN \"WaitlistMessages\";");
        }
    }
}
