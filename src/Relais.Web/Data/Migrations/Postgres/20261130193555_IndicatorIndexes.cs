using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndicatorIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorSums_SiteKey_AreaKey_Month_HospitalId_Code_Met_Has~",
                table: "IndicatorSums");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorObservations_CountsFrom",
                table: "IndicatorObservations");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorSums_SiteKey_AreaKey_Month_HospitalId_Code_Met_Has~",
                table: "IndicatorSums",
                columns: new[] { "SiteKey", "AreaKey", "Month", "HospitalId", "Code", "Met", "HasMeasure", "Measure" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "Count" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorObservations_CountsFrom_Anchor",
                table: "IndicatorObservations",
                columns: new[] { "CountsFrom", "Anchor" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorSums_SiteKey_AreaKey_Month_HospitalId_Code_Met_Has~",
                table: "IndicatorSums");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorObservations_CountsFrom_Anchor",
                table: "IndicatorObservations");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorSums_SiteKey_AreaKey_Month_HospitalId_Code_Met_Has~",
                table: "IndicatorSums",
                columns: new[] { "SiteKey", "AreaKey", "Month", "HospitalId", "Code", "Met", "HasMeasure", "Measure" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorObservations_CountsFrom",
                table: "IndicatorObservations",
                column: "CountsFrom");
        }
    }
}
