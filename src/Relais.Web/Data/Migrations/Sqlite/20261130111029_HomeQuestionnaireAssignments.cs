using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HomeQuestionnaireAssignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PharmacovigilanceDeclaredAt",
                table: "SymptomAlerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PharmacovigilanceDeclaredBy",
                table: "SymptomAlerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspectedDrug",
                table: "SymptomAlerts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "NotificationSettings",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "QuestionnaireAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionnaireCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AssignedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
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
