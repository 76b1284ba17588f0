using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Documents;
using Relais.Domain.Patients;

namespace Relais.Web.Data.Configurations;

public sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => new { d.PatientId, d.CreatedAt });
        builder.HasIndex(d => d.LineageId);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.ContentType).HasMaxLength(60);
        builder.Property(d => d.FileName).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Ignore(d => d.IsSigned);
        builder.HasOne<Patient>().WithMany().HasForeignKey(d => d.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
