namespace Relais.Bench.Generator;

/// <summary>French names, places and laboratories for a plausible region (Normandie and its neighbours).</summary>
public static class Names
{
    public static readonly string[] FemaleFirst =
    [
        "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Monique", "Hélène", "Chantal", "Martine", "Élise", "Josiane",
        "Christine", "Valérie", "Sandrine", "Véronique", "Brigitte", "Nicole", "Anne", "Jacqueline", "Danielle", "Dominique", "Patricia", "Corinne",
        "Laurence", "Céline", "Sophie", "Stéphanie", "Aurélie", "Émilie", "Julie", "Camille", "Claire", "Agnès", "Béatrice", "Odile",
        "Geneviève", "Colette", "Annie", "Mireille", "Thérèse", "Solange", "Ginette", "Évelyne", "Pascale", "Florence", "Virginie", "Karine",
        "Marie-Claude", "Anne-Marie", "Marie-Thérèse", "Noëlle", "Régine", "Yvette", "Madeleine", "Simone", "Lucie", "Manon", "Léa", "Chloé",
    ];

    public static readonly string[] MaleFirst =
    [
        "Jean", "Michel", "Philippe", "Alain", "Patrick", "Bernard", "Gérard", "René", "Daniel", "François", "Joël", "Étienne",
        "Pierre", "Jacques", "Christian", "Éric", "Thierry", "Pascal", "Dominique", "Claude", "Serge", "Didier", "Laurent", "Frédéric",
        "Olivier", "Stéphane", "Nicolas", "Christophe", "Sébastien", "Julien", "Thomas", "Antoine", "Hervé", "Yves", "Guy", "Roger",
        "André", "Marcel", "Henri", "Louis", "Georges", "Jean-Pierre", "Jean-Claude", "Jean-Luc", "Jean-Marc", "Bruno", "Denis", "Gilles",
        "Franck", "Vincent", "Marc", "Jérôme", "Raymond", "Lucien", "Maurice", "Noël", "Fabrice", "Rémi", "Hugo", "Lucas",
    ];

    public static readonly string[] Last =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel",
        "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
        "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier",
        "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
        "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
        "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard",
        "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert",
        "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet",
        "Rolland", "Leclercq", "Guillaume", "Lecomte", "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez",
        "Dupuis", "Moulin", "Louis", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet",
        "Adam", "Paris", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault", "Charpentier", "Ménard", "Maillard",
        "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall", "Collet", "Léger", "Bouvier", "Julien", "Prévost",
        "Millet", "Perrot", "Daniel", "Le Roux", "Cousin", "Germain", "Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier",
        "Lévêque", "Perrier", "Leblanc", "Barré", "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier",
        "Michaud", "Rodriguez", "Guichard", "Gillet", "Étienne", "Grondin", "Poulain", "Tessier", "Chevallier", "Collin", "Chauvin", "Da Silva",
        "Bouchet", "Gay", "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud", "Antoine", "Hoarau", "Perret", "Barthélemy", "Cordier",
        "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carlier", "Laporte", "Lebreton", "Lefranc", "Hébert", "Vallée",
    ];

    /// <summary>Postal code, city, INSEE department (for the INS), weight.</summary>
    public static readonly (string PostalCode, string City, string Department, int Weight)[] Places =
    [
        ("76000", "Rouen", "76", 12), ("76100", "Rouen", "76", 6), ("76600", "Le Havre", "76", 14), ("76200", "Dieppe", "76", 4),
        ("76300", "Sotteville-lès-Rouen", "76", 3), ("76400", "Fécamp", "76", 2), ("76500", "Elbeuf", "76", 2), ("76130", "Mont-Saint-Aignan", "76", 2),
        ("27000", "Évreux", "27", 6), ("27200", "Vernon", "27", 3), ("27300", "Bernay", "27", 2), ("27100", "Val-de-Reuil", "27", 2),
        ("14000", "Caen", "14", 11), ("14100", "Lisieux", "14", 3), ("14400", "Bayeux", "14", 2), ("14200", "Hérouville-Saint-Clair", "14", 2),
        ("50100", "Cherbourg-en-Cotentin", "50", 5), ("50000", "Saint-Lô", "50", 2), ("50300", "Avranches", "50", 1), ("50400", "Granville", "50", 1),
        ("61000", "Alençon", "61", 3), ("61100", "Flers", "61", 1), ("61200", "Argentan", "61", 1),
        ("80000", "Amiens", "80", 7), ("80100", "Abbeville", "80", 2), ("60000", "Beauvais", "60", 3), ("28000", "Chartres", "28", 2),
    ];

    /// <summary>Hospitals (one per ~20,000 patients, cycling through the list).</summary>
    public static readonly (string Name, string City, string PostalCode, string Finess)[] Hospitals =
    [
        ("CHU de Rouen — Hôpital Charles-Nicolle", "Rouen", "76000", "760780239"),
        ("Centre Henri-Becquerel", "Rouen", "76000", "760000166"),
        ("Groupe Hospitalier du Havre", "Le Havre", "76600", "760780726"),
        ("CHU de Caen Normandie", "Caen", "14000", "140000100"),
        ("Centre François-Baclesse", "Caen", "14000", "140000555"),
        ("Centre Hospitalier Eure-Seine", "Évreux", "27000", "270023724"),
        ("Centre Hospitalier Public du Cotentin", "Cherbourg-en-Cotentin", "50100", "500000054"),
        ("CHU Amiens-Picardie", "Amiens", "80000", "800000044"),
        ("Centre Hospitalier de Dieppe", "Dieppe", "76200", "760780023"),
        ("Centre Hospitalier Intercommunal Alençon-Mamers", "Alençon", "61000", "610780082"),
        ("Centre Hospitalier de Lisieux", "Lisieux", "14100", "140000076"),
        ("Centre Hospitalier Mémorial de Saint-Lô", "Saint-Lô", "50000", "500000013"),
        ("Centre Hospitalier de Beauvais", "Beauvais", "60000", "600100713"),
        ("Hôpital privé de l'Estuaire", "Le Havre", "76600", "760024653"),
        ("Clinique Saint-Hilaire", "Rouen", "76000", "760000547"),
    ];

    public static readonly string[] Laboratories =
    [
        "Laboratoire Bio-Normandie, Rouen", "Cerballiance Normandie, Le Havre", "Biogroup Normandie, Caen", "Laboratoire Eurofins Biomnis, Évreux",
        "Synlab Normandie, Cherbourg", "Laboratoire Inovie Bio, Dieppe", "Laboratoire du CHU de Rouen", "Laboratoire Unilabs, Amiens",
        "Laboratoire Bioxa, Alençon", "Cerballiance Picardie, Beauvais",
    ];

    public static readonly string[] Streets =
    [
        "rue de la République", "rue Jeanne-d'Arc", "rue du Général-Leclerc", "avenue de Caen", "boulevard de Strasbourg", "rue Victor-Hugo",
        "rue des Tilleuls", "chemin des Prés", "rue Pasteur", "place du Marché", "rue de l'Église", "avenue Foch", "rue Gambetta", "rue des Écoles",
    ];
}
