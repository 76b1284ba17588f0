using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TeamSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EscalatedAt",
                table: "TransmissionRecipients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HandedOnAt",
                table: "TransmissionRecipients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HandedOnBy",
                table: "TransmissionRecipients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsEscalation",
                table: "TransmissionRecipients",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "SignalOwnerChoices",
                columns: table => new
                {
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChosenBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChosenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignalOwnerChoices", x => x.PatientId);
                    table.ForeignKey(
                        name: "FK_SignalOwnerChoices_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignalOwnerChoices");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                table: "TransmissionRecipients");

            migrationBuilder.DropColumn(
                name: "HandedOnAt",
                table: "TransmissionRecipients");

            migrationBuilder.DropColumn(
                name: "HandedOnBy",
                table: "TransmissionRecipients");

            migrationBuilder.DropColumn(
                name: "IsEscalation",
                table: "TransmissionRecipients");
        }
    }
}
