using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneReminderScheduler : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Occurrence = table.Column<int>(type: "INTEGER", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OutboxMessageId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_Kind_SubjectId_RecipientUserId_Occurrence",
                table: "Reminders",
                columns: new[] { "Kind", "SubjectId", "RecipientUserId", "Occurrence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_OutboxMessageId",
                table: "Reminders",
                column: "OutboxMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_RecipientUserId_IssuedAt",
                table: "Reminders",
                columns: new[] { "RecipientUserId", "IssuedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Reminders");
        }
    }
}
