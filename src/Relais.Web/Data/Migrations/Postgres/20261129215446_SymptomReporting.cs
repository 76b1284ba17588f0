using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SymptomReporting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OnCallShifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PhysicianId = table.Column<Guid>(type: "uuid", nullable: false),
                    Starts = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Ends = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnCallShifts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuestionnaireResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionnaireCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    QuestionnaireVersion = table.Column<int>(type: "integer", nullable: false),
                    AuthoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionnaireResponses_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Questionnaires",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    DefinitionJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ValidatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ValidatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questionnaires", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SymptomAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionnaireCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    QuestionnaireVersion = table.Column<int>(type: "integer", nullable: false),
                    Rule = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Severity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    TeamAction = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PatientInstruction = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ActionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ActionAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ActionBy = table.Column<Guid>(type: "uuid", nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EscalatedTo = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SymptomAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SymptomAlerts_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SymptomAlerts_QuestionnaireResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "QuestionnaireResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OnCallShifts_OrganisationId_Starts",
                table: "OnCallShifts",
                columns: new[] { "OrganisationId", "Starts" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireResponses_PatientId_QuestionnaireCode_Authored~",
                table: "QuestionnaireResponses",
                columns: new[] { "PatientId", "QuestionnaireCode", "AuthoredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_Code_Version",
                table: "Questionnaires",
                columns: new[] { "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SymptomAlerts_PatientId_ActionAt",
                table: "SymptomAlerts",
                columns: new[] { "PatientId", "ActionAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SymptomAlerts_PatientId_RaisedAt",
                table: "SymptomAlerts",
                columns: new[] { "PatientId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SymptomAlerts_Rank_AcknowledgedAt_EscalatedAt_RaisedAt",
                table: "SymptomAlerts",
                columns: new[] { "Rank", "AcknowledgedAt", "EscalatedAt", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SymptomAlerts_ResponseId",
                table: "SymptomAlerts",
                column: "ResponseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OnCallShifts");

            migrationBuilder.DropTable(
                name: "Questionnaires");

            migrationBuilder.DropTable(
                name: "SymptomAlerts");

            migrationBuilder.DropTable(
                name: "QuestionnaireResponses");
        }
    }
}
