using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ClinicianHoursPerSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DepartmentId",
                table: "WorkingHours",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkingHours_DepartmentId",
                table: "WorkingHours",
                column: "DepartmentId");

            migrationBuilder.AddForeignKey(
                name: "FK_WorkingHours_Departments_DepartmentId",
                table: "WorkingHours",
                column: "DepartmentId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_WorkingHours_Departments_DepartmentId",
                table: "WorkingHours");

            migrationBuilder.DropIndex(
                name: "IX_WorkingHours_DepartmentId",
                table: "WorkingHours");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "WorkingHours");
        }
    }
}
