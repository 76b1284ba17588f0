using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndicatorSums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SettledUntil",
                table: "IndicatorRefreshStates",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IndicatorSums",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    HospitalId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AreaKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Met = table.Column<bool>(type: "boolean", nullable: false),
                    HasMeasure = table.Column<bool>(type: "boolean", nullable: false),
                    Measure = table.Column<double>(type: "double precision", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
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
                name: "IX_IndicatorSums_SiteKey_AreaKey_Month_HospitalId_Code_Met_Has~",
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
