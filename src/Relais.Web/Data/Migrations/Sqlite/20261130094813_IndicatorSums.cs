using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndicatorSums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SettledUntil",
                table: "IndicatorRefreshStates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IndicatorSums",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    HospitalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AreaKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Met = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasMeasure = table.Column<bool>(type: "INTEGER", nullable: false),
                    Measure = table.Column<double>(type: "REAL", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorSums", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorObservations_CountsFrom",
                table: "IndicatorObservations",
                column: "CountsFrom");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorSums_SiteKey_AreaKey_Month_HospitalId_Code_Met_HasMeasure_Measure",
                table: "IndicatorSums",
                columns: new[] { "SiteKey", "AreaKey", "Month", "HospitalId", "Code", "Met", "HasMeasure", "Measure" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorSums");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorObservations_CountsFrom",
                table: "IndicatorObservations");

            migrationBuilder.DropColumn(
                name: "SettledUntil",
                table: "IndicatorRefreshStates");
        }
    }
}
