using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EhrCodingAssist.Web.CoderWorkbench.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCoding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "claim_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CodingId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    User = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_claim_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "codings",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FhirBase = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    EncounterId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    WorkingSetJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimJson = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ClaimMessage = table.Column<string>(type: "TEXT", nullable: true),
                    ServerClaimId = table.Column<string>(type: "TEXT", nullable: true),
                    ServerClaimVersion = table.Column<string>(type: "TEXT", nullable: true),
                    WrittenResources = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_codings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_claim_history_CodingId",
                table: "claim_history",
                column: "CodingId");

            migrationBuilder.CreateIndex(
                name: "IX_codings_FhirBase_EncounterId",
                table: "codings",
                columns: new[] { "FhirBase", "EncounterId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "claim_history");

            migrationBuilder.DropTable(
                name: "codings");
        }
    }
}
