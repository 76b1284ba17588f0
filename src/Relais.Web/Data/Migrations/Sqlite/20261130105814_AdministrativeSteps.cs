using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdministrativeSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdministrativeSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RemindOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExposureSuspected = table.Column<bool>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FollowsId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdministrativeSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdministrativeSteps_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrialParticipations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Registration = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    InformedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ConsentSignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeclinedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrialParticipations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrialParticipations_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdministrativeSteps_FollowsId",
                table: "AdministrativeSteps",
                column: "FollowsId",
                unique: true,
                filter: "\"FollowsId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AdministrativeSteps_PatientId_DueOn",
                table: "AdministrativeSteps",
                columns: new[] { "PatientId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AdministrativeSteps_Status_RemindOn_RemindedAt",
                table: "AdministrativeSteps",
                columns: new[] { "Status", "RemindOn", "RemindedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TrialParticipations_PatientId_InformedOn",
                table: "TrialParticipations",
                columns: new[] { "PatientId", "InformedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdministrativeSteps");

            migrationBuilder.DropTable(
                name: "TrialParticipations");
        }
    }
}
