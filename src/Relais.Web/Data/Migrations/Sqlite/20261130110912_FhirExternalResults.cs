using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BundleSystem = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BundleValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Recorded = table.Column<int>(type: "INTEGER", nullable: false),
                    Held = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalBundleReceipts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HeldExternalResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ins = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
