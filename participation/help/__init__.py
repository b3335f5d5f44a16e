"""人人解忧铺: residents' and visitors' help requests, triaged, assigned, resolved and rated (issue 4)."""
