using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SiteHolidays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SiteId",
                table: "TimeOff",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimeOff_SiteId",
                table: "TimeOff",
                column: "SiteId");

            migrationBuilder.AddForeignKey(
                name: "FK_TimeOff_Sites_SiteId",
                table: "TimeOff",
                column: "SiteId",
                principalTable: "Sites",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TimeOff_Sites_SiteId",
                table: "TimeOff");

            migrationBuilder.DropIndex(
                name: "IX_TimeOff_SiteId",
                table: "TimeOff");

            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "TimeOff");
        }
    }
}
