using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NotificationSettings",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmailOptIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoticedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NoticedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OutcomesSeenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationSettings", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationSettings_EmailOptIn_CheckedAt",
                table: "NotificationSettings",
                columns: new[] { "EmailOptIn", "CheckedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationSettings");
        }
    }
}
