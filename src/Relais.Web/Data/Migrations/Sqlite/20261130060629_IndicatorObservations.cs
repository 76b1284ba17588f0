using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndicatorObservations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorObservations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Anchor = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    HospitalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SiteGroup = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    IsPrimary = table.Column<bool>(type: "INTEGER", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Met = table.Column<bool>(type: "INTEGER", nullable: false),
                    Measure = table.Column<double>(type: "REAL", nullable: true),
                    CountsFrom = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorObservations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorRefreshStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RefreshedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorRefreshStates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorStaleMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorStaleMarks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorObservations_Anchor_Code_HospitalId_Month_Met_Measure",
                table: "IndicatorObservations",
                columns: new[] { "Anchor", "Code", "HospitalId", "Month", "Met", "Measure" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorObservations_PatientId",
                table: "IndicatorObservations",
                column: "PatientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorObservations");

            migrationBuilder.DropTable(
                name: "IndicatorRefreshStates");

            migrationBuilder.DropTable(
                name: "IndicatorStaleMarks");
        }
    }
}
