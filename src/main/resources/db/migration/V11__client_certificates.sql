-- Agency smart cards: the subject of a person's client certificate (X.500 name in its canonical form), so that a
-- certificate the server trusts signs that person in. At most one person per subject.
alter table person add column certificate_subject varchar(1000);
create unique index person_certificate_subject on person (certificate_subject);
