using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TeamSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EscalatedAt",
                table: "TransmissionRecipients",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HandedOnAt",
                table: "TransmissionRecipients",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HandedOnBy",
                table: "TransmissionRecipients",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsEscalation",
                table: "TransmissionRecipients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "SignalOwnerChoices",
                columns: table => new
                {
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChosenBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ChosenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
