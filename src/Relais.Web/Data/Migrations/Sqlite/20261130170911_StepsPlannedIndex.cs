using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StepsPlannedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AdministrativeSteps_Planned",
                table: "AdministrativeSteps",
                columns: new[] { "PatientId", "Owner", "DueOn" },
                filter: "\"Status\" = 'Planned'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AdministrativeSteps_Planned",
                table: "AdministrativeSteps");
        }
    }
}
