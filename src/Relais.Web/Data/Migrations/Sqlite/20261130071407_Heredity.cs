using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Heredity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExpertReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ground = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecondReadingOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SecondReadingConclusion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExpertBoardOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpertNetwork = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertReviews_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExpertReviews_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OncogeneticsReferrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CriteriaCodes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReferredBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsultationOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ResultOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResultRecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RelativesInformedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RelativesNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OncogeneticsReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OncogeneticsReferrals_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OncogeneticsReferrals_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertReviews_EpisodeId",
                table: "ExpertReviews",
                column: "EpisodeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExpertReviews_PatientId",
                table: "ExpertReviews",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_OncogeneticsReferrals_EpisodeId",
                table: "OncogeneticsReferrals",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_OncogeneticsReferrals_PatientId",
                table: "OncogeneticsReferrals",
                column: "PatientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExpertReviews");

            migrationBuilder.DropTable(
                name: "OncogeneticsReferrals");
        }
    }
}
