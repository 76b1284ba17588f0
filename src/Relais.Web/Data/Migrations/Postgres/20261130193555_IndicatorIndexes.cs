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

            // The dashboard reads the sums from their index alone only on pages the visibility map marks all-visible: the sums
            // change at every refresh, so autovacuum visits them after 1 % of them changed or were added (20 % by default: at a
            // million patients the sums are 16 million rows, and an answer read from the heap took 700 ms instead of 60).
            migrationBuilder.Sql("""ALTER TABLE "IndicatorSums" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "IndicatorSums" RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_insert_scale_factor, autovacuum_analyze_scale_factor);""");

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
