/** Spanish column- and table-name words. */
import { LAST, DOB, POSTAL, MOBILE, DRIVERS, BANK_ACCOUNT } from './english.js';
import type { LanguageEntry } from './types.js';

export const es: LanguageEntry = {
  code: 'es',
  name: 'Spanish',
  words: {
    nombre: ['name'], nombres: ['name'], apellido: LAST, apellidos: LAST, primer: ['first'], segundo: ['second'],
    correo: ['email'], electronico: ['electronic'], direccion: ['address'], calle: ['street'], domicilio: ['address'],
    ciudad: ['city'], localidad: ['city'], municipio: ['city'], codigo: ['code'], provincia: ['province'], pais: ['country'],
    telefono: ['phone'], movil: MOBILE, celular: MOBILE, fecha: ['date'], nacimiento: ['birth'], sexo: ['gender'],
    genero: ['gender'], nacionalidad: ['nationality'], religion: ['religion'], idioma: ['language'], usuario: ['user'],
    contrasena: ['password'], salario: ['salary'], sueldo: ['salary'], empresa: ['company'], empleado: ['employee'],
    cliente: ['customer'], paciente: ['patient'], socio: ['member'], persona: ['person'], producto: ['product'],
    articulo: ['item'], categoria: ['category'], pedido: ['order'], factura: ['invoice'], pasaporte: ['passport'],
    cuenta: ['account'], tarjeta: ['card'], edad: ['age'], latitud: ['latitude'], longitud: ['longitude'], licencia: ['license'],
    conducir: ['driving'], carnet: ['permit'], cedula: ['national', 'id'], curp: ['national', 'id'], rut: ['national', 'id'],
    profesion: ['occupation'], ocupacion: ['occupation'], nac: ['birth'], colonia: ['neighborhood'], barrio: ['neighborhood'],
    proveedor: ['supplier'], alumno: ['student'], estudiante: ['student'], empleados: ['employee'], bancaria: ['bank'],
    titular: ['holder'], conyuge: ['spouse'], madre: ['mother'], padre: ['father'], cuil: ['national', 'id'],
    cuit: ['tax', 'id'], contacto: ['contact'],
    importe: ['amount'], monto: ['amount'], saldo: ['balance'], precio: ['price'], cantidad: ['quantity'], vencimiento: ['due'],
    pago: ['payment'], emision: ['issued'], alta: ['registration'], baja: ['deleted'], contable: ['booking'], asiento: ['booking'],
    almacen: ['warehouse'], tienda: ['store'], sucursal: ['branch'],
    privacidad: ['privacy'], acepta: ['accepts'], admite: ['accepts'],
  },
  ambiguous: {
    // Mexico's RFC is a person's or a company's tax id, and an RFC is also a document.
    rfc: ['tax', 'id'], valor: ['amount'],
  },
  phrases: [
    [['nombre', 'usuario'], ['username']],
    [['estado', 'civil'], ['marital', 'status']],
    [['correo', 'electronico'], ['email']],
    [['codigo', 'postal'], POSTAL],
    [['licencia', 'conducir'], DRIVERS],
    [['carnet', 'conducir'], DRIVERS],
    [['fecha', 'nacimiento'], DOB],
    [['nombre', 'completo'], ['full', 'name']],
    [['primer', 'apellido'], LAST],
    [['segundo', 'apellido'], LAST],
    [['fecha', 'nac'], DOB],
    [['cuenta', 'bancaria'], BANK_ACCOUNT],
    [['numero', 'tarjeta'], ['card', 'number']],
    [['razon', 'social'], ['company', 'name']],
  ],
  connectors: ['de', 'del'],
  endings: [['es', '']],
};
