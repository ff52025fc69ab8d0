using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SiteOpeningBreaks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SiteOpeningHours_SiteId_Day",
                table: "SiteOpeningHours");

            migrationBuilder.CreateIndex(
                name: "IX_SiteOpeningHours_SiteId_Day_Opens",
                table: "SiteOpeningHours",
                columns: new[] { "SiteId", "Day", "Opens" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SiteOpeningHours_SiteId_Day_Opens",
                table: "SiteOpeningHours");

            // Back to one opening a day: a day closed for lunch is open through it (the first opening until the last closing).
            migrationBuilder.Sql("UPDATE \"SiteOpeningHours\" SET \"Closes\" = (SELECT MAX(o.\"Closes\") FROM \"SiteOpeningHours\" o WHERE o.\"SiteId\" = \"SiteOpeningHours\".\"SiteId\" AND o.\"Day\" = \"SiteOpeningHours\".\"Day\");");
            migrationBuilder.Sql("DELETE FROM \"SiteOpeningHours\" WHERE EXISTS (SELECT 1 FROM \"SiteOpeningHours\" o WHERE o.\"SiteId\" = \"SiteOpeningHours\".\"SiteId\" AND o.\"Day\" = \"SiteOpeningHours\".\"Day\" AND o.\"Opens\" < \"SiteOpeningHours\".\"Opens\");");

            migrationBuilder.CreateIndex(
                name: "IX_SiteOpeningHours_SiteId_Day",
                table: "SiteOpeningHours",
                columns: new[] { "SiteId", "Day" },
                unique: true);
        }
    }
}
