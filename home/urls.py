from django.urls import path

from .buscar import buscar

urlpatterns = [path("buscar/", buscar, name="buscar")]
