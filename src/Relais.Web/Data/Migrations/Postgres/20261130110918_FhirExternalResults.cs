using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FhirExternalResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExternalBundleReceipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SenderId = table.Column<Guid>(type: "uuid", nullable: false),
                    BundleSystem = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    BundleValue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Recorded = table.Column<int>(type: "integer", nullable: false),
                    Held = table.Column<int>(type: "integer", nullable: false),
                    ResponseJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalBundleReceipts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HeldExternalResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceiptId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ins = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reasons = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PayloadJson = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldExternalResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HeldExternalResults_ExternalBundleReceipts_ReceiptId",
                        column: x => x.ReceiptId,
                        principalTable: "ExternalBundleReceipts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HeldExternalResults_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExternalBundleReceipts_SenderId_BundleSystem_BundleValue",
                table: "ExternalBundleReceipts",
                columns: new[] { "SenderId", "BundleSystem", "BundleValue" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HeldExternalResults_ClosedAt_ReceivedAt",
                table: "HeldExternalResults",
                columns: new[] { "ClosedAt", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldExternalResults_PatientId",
                table: "HeldExternalResults",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_HeldExternalResults_ReceiptId",
                table: "HeldExternalResults",
                column: "ReceiptId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HeldExternalResults");

            migrationBuilder.DropTable(
                name: "ExternalBundleReceipts");
        }
    }
}
