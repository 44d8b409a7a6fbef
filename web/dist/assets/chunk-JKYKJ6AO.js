import{a,b,c,d}from"./chunk-X4MQW27I.js";import"./chunk-RHKIT3QX.js";import"./chunk-U4B6FJDL.js";export{a as PERMISSIONS,d as RoleEdit,c as Roles,b as roleLabel};
