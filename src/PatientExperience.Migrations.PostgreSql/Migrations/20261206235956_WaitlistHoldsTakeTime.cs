using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class WaitlistHoldsTakeTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "AppointmentId",
                table: "TimeCells",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "HoldId",
                table: "TimeCells",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimeCells_HoldId",
                table: "TimeCells",
                column: "HoldId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_TimeCells_AppointmentOrHold",
                table: "TimeCells",
                sql: "(\"AppointmentId\" IS NULL AND \"HoldId\" IS NOT NULL) OR (\"AppointmentId\" IS NOT NULL AND \"HoldId\" IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_TimeCells_WaitlistOffers_HoldId",
                table: "TimeCells",
                column: "HoldId",
                principalTable: "WaitlistOffers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TimeCells_WaitlistOffers_HoldId",
                table: "TimeCells");

            migrationBuilder.DropIndex(
                name: "IX_TimeCells_HoldId",
                table: "TimeCells");

            migrationBuilder.DropCheckConstraint(
                name: "CK_TimeCells_AppointmentOrHold",
                table: "TimeCells");

            migrationBuilder.DropColumn(
                name: "HoldId",
                table: "TimeCells");

            migrationBuilder.AlterColumn<int>(
                name: "AppointmentId",
                table: "TimeCells",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
