using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LexiconLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LexiconEntries_Kind_Term",
                table: "LexiconEntries");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "LexiconEntries",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.CreateIndex(
                name: "IX_LexiconEntries_Language_Kind_Term",
                table: "LexiconEntries",
                columns: new[] { "Language", "Kind", "Term" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LexiconEntries_Language_Kind_Term",
                table: "LexiconEntries");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "LexiconEntries");

            migrationBuilder.CreateIndex(
                name: "IX_LexiconEntries_Kind_Term",
                table: "LexiconEntries",
                columns: new[] { "Kind", "Term" });
        }
    }
}
