using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TumorBoardRulesAndFertility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "G8WaiverReason",
                table: "TumorBoardCases",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SiteMismatchReason",
                table: "TumorBoardCases",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContraceptionAdvice",
                table: "Announcements",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FertilityCentre",
                table: "Announcements",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FertilityReferral",
                table: "Announcements",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "NotProposed");

            migrationBuilder.AddColumn<DateOnly>(
                name: "FertilityReferralOn",
                table: "Announcements",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "G8WaiverReason",
                table: "TumorBoardCases");

            migrationBuilder.DropColumn(
                name: "SiteMismatchReason",
                table: "TumorBoardCases");

            migrationBuilder.DropColumn(
                name: "ContraceptionAdvice",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "FertilityCentre",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "FertilityReferral",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "FertilityReferralOn",
                table: "Announcements");
        }
    }
}
