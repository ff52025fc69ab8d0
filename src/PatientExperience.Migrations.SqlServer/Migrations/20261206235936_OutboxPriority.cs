using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientExperience.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class OutboxPriority : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_SentAtUtc_FailedAtUtc_NextAttemptAtUtc",
                table: "OutboxMessages");

            migrationBuilder.AddColumn<string>(
                name: "ReminderSkipped",
                table: "SurveyInvitations",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DedupeKey",
                table: "OutboxMessages",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DiscardAfterUtc",
                table: "OutboxMessages",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "OutboxMessages",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SkipReason",
                table: "OutboxMessages",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SkippedAtUtc",
                table: "OutboxMessages",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DedupeKey_Pending",
                table: "OutboxMessages",
                column: "DedupeKey",
                unique: true,
                filter: "\"DedupeKey\" IS NOT NULL AND \"SentAtUtc\" IS NULL AND \"FailedAtUtc\" IS NULL AND \"SkippedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DedupeKey_Sent",
                table: "OutboxMessages",
                columns: new[] { "DedupeKey", "SentAtUtc" },
                filter: "\"DedupeKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Pending",
                table: "OutboxMessages",
                columns: new[] { "Priority", "NextAttemptAtUtc", "Id" },
                filter: "\"SentAtUtc\" IS NULL AND \"FailedAtUtc\" IS NULL AND \"SkippedAtUtc\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_DedupeKey_Pending",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_DedupeKey_Sent",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Pending",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ReminderSkipped",
                table: "SurveyInvitations");

            migrationBuilder.DropColumn(
                name: "DedupeKey",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "DiscardAfterUtc",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "SkipReason",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "SkippedAtUtc",
                table: "OutboxMessages");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAtUtc_FailedAtUtc_NextAttemptAtUtc",
                table: "OutboxMessages",
                columns: new[] { "SentAtUtc", "FailedAtUtc", "NextAttemptAtUtc" });
        }
    }
}
