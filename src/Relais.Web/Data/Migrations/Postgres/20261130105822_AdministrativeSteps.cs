using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Owner = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RemindOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExposureSuspected = table.Column<bool>(type: "boolean", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FollowsId = table.Column<Guid>(type: "uuid", nullable: true),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Registration = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    InformedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ConsentSignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeclinedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
