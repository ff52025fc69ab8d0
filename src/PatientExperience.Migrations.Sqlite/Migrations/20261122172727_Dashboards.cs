using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Dashboards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppointmentDayRollups",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClinicianId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Completed = table.Column<int>(type: "INTEGER", nullable: false),
                    NoShows = table.Column<int>(type: "INTEGER", nullable: false),
                    WaitHistogram = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentDayRollups", x => new { x.Day, x.ClinicianId, x.ServiceId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_StartUtc",
                table: "Appointments",
                column: "StartUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppointmentDayRollups");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_StartUtc",
                table: "Appointments");
        }
    }
}
