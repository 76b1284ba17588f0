using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Anchor = table.Column<DateOnly>(type: "date", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    HospitalId = table.Column<Guid>(type: "uuid", nullable: true),
                    SiteGroup = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IsPrimary = table.Column<bool>(type: "boolean", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Met = table.Column<bool>(type: "boolean", nullable: false),
                    Measure = table.Column<double>(type: "double precision", nullable: true),
                    CountsFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorObservations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorRefreshStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RefreshedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorRefreshStates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorStaleMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorStaleMarks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorObservations_Anchor_Code_HospitalId_Month_Met_Meas~",
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
