using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MessageChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "SurveyResponses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TextTokenHash",
                table: "SurveyInvitations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Texted",
                table: "SurveyInvitations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ComplaintMessages",
                table: "Patients",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SurveyMessages",
                table: "Patients",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "ReminderTexted",
                table: "Appointments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ConfirmedByText",
                table: "AppointmentRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TextReminders",
                table: "AppointmentRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_TextTokenHash",
                table: "SurveyInvitations",
                column: "TextTokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyInvitations_TextTokenHash",
                table: "SurveyInvitations");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "SurveyResponses");

            migrationBuilder.DropColumn(
                name: "TextTokenHash",
                table: "SurveyInvitations");

            migrationBuilder.DropColumn(
                name: "Texted",
                table: "SurveyInvitations");

            migrationBuilder.DropColumn(
                name: "ComplaintMessages",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "SurveyMessages",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "ReminderTexted",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "ConfirmedByText",
                table: "AppointmentRollups");

            migrationBuilder.DropColumn(
                name: "TextReminders",
                table: "AppointmentRollups");
        }
    }
}
