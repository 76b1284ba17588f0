using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TumorBoardRulesAndFertility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "QuorumAtDecision",
                table: "TumorBoardCases",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(600)",
                oldMaxLength: 600,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "G8WaiverReason",
                table: "TumorBoardCases",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SiteMismatchReason",
                table: "TumorBoardCases",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContraceptionAdvice",
                table: "Announcements",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FertilityCentre",
                table: "Announcements",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FertilityReferral",
                table: "Announcements",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "NotProposed");

            migrationBuilder.AddColumn<DateOnly>(
                name: "FertilityReferralOn",
                table: "Announcements",
                type: "date",
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

            migrationBuilder.AlterColumn<string>(
                name: "QuorumAtDecision",
                table: "TumorBoardCases",
                type: "character varying(600)",
                maxLength: 600,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);
        }
    }
}
