def test_the_repository_builds_strictly_with_every_kind_of_page(built_repo):
    site = built_repo.root / "site"
    for url in ("", "ke-hoach/thi-dua-nuoc-rut-2023", "phong-trao/cai-cach-hanh-chinh", "don-vi/phan-thiet",
                "guong-dien-hinh/to-tu-quan-mau-duong-lang-xanh", "phong-trao", "don-vi", "guong-dien-hinh"):
        assert (site / url / "index.html").is_file(), url
