using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndicatorIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorObservations_CountsFrom",
                table: "IndicatorObservations");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorObservations_CountsFrom_Anchor",
                table: "IndicatorObservations",
                columns: new[] { "CountsFrom", "Anchor" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorObservations_CountsFrom_Anchor",
                table: "IndicatorObservations");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorObservations_CountsFrom",
                table: "IndicatorObservations",
                column: "CountsFrom");
        }
    }
}
