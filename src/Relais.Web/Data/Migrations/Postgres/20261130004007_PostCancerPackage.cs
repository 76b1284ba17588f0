using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostCancerPackage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PostCancerPrescriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    PrescribedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    PrescribedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PrescribedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostCancerPrescriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostCancerPrescriptions_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PostCancerPrescriptions_SupportiveCareProviders_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "SupportiveCareProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PostCancerPrescriptions_SupportiveReferrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "SupportiveReferrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PostCancerActs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PrescriptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Discipline = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostCancerActs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostCancerActs_PostCancerPrescriptions_PrescriptionId",
                        column: x => x.PrescriptionId,
                        principalTable: "PostCancerPrescriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PostCancerActs_PrescriptionId",
                table: "PostCancerActs",
                column: "PrescriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_PostCancerPrescriptions_PatientId_PrescribedOn",
                table: "PostCancerPrescriptions",
                columns: new[] { "PatientId", "PrescribedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PostCancerPrescriptions_ProviderId_PrescribedAt",
                table: "PostCancerPrescriptions",
                columns: new[] { "ProviderId", "PrescribedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PostCancerPrescriptions_ReferralId",
                table: "PostCancerPrescriptions",
                column: "ReferralId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PostCancerActs");

            migrationBuilder.DropTable(
                name: "PostCancerPrescriptions");
        }
    }
}
