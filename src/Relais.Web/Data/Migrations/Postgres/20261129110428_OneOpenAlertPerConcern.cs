using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneOpenAlertPerConcern : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "Alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedReason",
                table: "Alerts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Concern",
                table: "Alerts",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Marker",
                table: "Alerts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Renotifications",
                table: "Alerts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "Alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_OneOpenPerConcern",
                table: "Alerts",
                columns: new[] { "PatientId", "Concern" },
                unique: true,
                filter: "\"HandledAt\" IS NULL AND \"ClosedAt\" IS NULL AND \"Concern\" <> ''");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Alerts_OneOpenPerConcern",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "ClosedReason",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "Concern",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "Marker",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "Renotifications",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Alerts");
        }
    }
}
