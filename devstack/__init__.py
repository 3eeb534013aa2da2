"""The development stack: embedded broker and database, the three services as processes, `make run`.

Used by `make run` and by the pipeline tests; production uses docker-compose / k8s (see deploy/).
"""
