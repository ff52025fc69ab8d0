using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PhoneCheckIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ArrivedFromPhone",
                table: "Appointments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "CheckInLinkSentAtUtc",
                table: "Appointments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CheckInTokenHash",
                table: "Appointments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PhoneCheckIns",
                table: "AppointmentRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ToldLate",
                table: "AppointmentRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "LateNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppointmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    LateMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectedStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByText = table.Column<bool>(type: "INTEGER", nullable: false),
                    ByEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LateNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LateNotices_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_CheckInTokenHash",
                table: "Appointments",
                column: "CheckInTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LateNotices_AppointmentId_Step",
                table: "LateNotices",
                columns: new[] { "AppointmentId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LateNotices_SentAtUtc",
                table: "LateNotices",
                column: "SentAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LateNotices");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_CheckInTokenHash",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "ArrivedFromPhone",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "CheckInLinkSentAtUtc",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "CheckInTokenHash",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "PhoneCheckIns",
                table: "AppointmentRollups");

            migrationBuilder.DropColumn(
                name: "ToldLate",
                table: "AppointmentRollups");
        }
    }
}
