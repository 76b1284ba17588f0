using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HomeQuestionnaireAssignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PharmacovigilanceDeclaredAt",
                table: "SymptomAlerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PharmacovigilanceDeclaredBy",
                table: "SymptomAlerts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspectedDrug",
                table: "SymptomAlerts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "NotificationSettings",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "QuestionnaireAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionnaireCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AssignedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionnaireAssignments_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireAssignments_AnsweredAt_WithdrawnAt_DueOn",
                table: "QuestionnaireAssignments",
                columns: new[] { "AnsweredAt", "WithdrawnAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireAssignments_PatientId_AnsweredAt_WithdrawnAt",
                table: "QuestionnaireAssignments",
                columns: new[] { "PatientId", "AnsweredAt", "WithdrawnAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuestionnaireAssignments");

            migrationBuilder.DropColumn(
                name: "PharmacovigilanceDeclaredAt",
                table: "SymptomAlerts");

            migrationBuilder.DropColumn(
                name: "PharmacovigilanceDeclaredBy",
                table: "SymptomAlerts");

            migrationBuilder.DropColumn(
                name: "SuspectedDrug",
                table: "SymptomAlerts");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "NotificationSettings");
        }
    }
}
